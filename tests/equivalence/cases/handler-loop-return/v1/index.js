/**
 * Keyword router: the first rule whose keyword appears in the message wins.
 */
var RULES = [
  { keyword: 'refund', skill: 'refunds' },
  { keyword: 'password', skill: 'account-security' },
  { keyword: 'invoice', skill: 'billing' }
];

function lambda(input, callback) {
  var text = (input.payload.message || '').toLowerCase();

  for (var i = 0; i < RULES.length; i++) {
    if (text.indexOf(RULES[i].keyword) !== -1) {
      return callback(null, { skill: RULES[i].skill, matched: RULES[i].keyword });
    }
  }

  for (const word of text.split(/\s+/)) {
    if (word === 'agent' || word === 'human') {
      return callback(null, { skill: 'general', matched: word });
    }
  }

  callback(null, { skill: null, matched: null });
}
