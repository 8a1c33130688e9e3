const _ = require('lodash');
const { get, set: assoc } = require('lodash');
const getIn = require('lodash/get');

function lambda(input, callback) {
  const { pick } = require('lodash');
  const picked = pick(input.payload, ['a', 'b']);
  callback(null, { picked, a: get(input, 'payload.a'), b: _.isEmpty(assoc({}, 'x', 1)), c: getIn(input, 'payload') });
}
