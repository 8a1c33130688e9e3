const { Toolbelt } = require('lp-faas-toolbelt');

/**
 * Looks up the consumer's preferred language so the bot can switch.
 * Exported as well so the unit tests of the brand team can require it.
 */
async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const profile = await httpClient({
    url: 'https://api.example.com/profiles/' + input.payload.consumerId,
    json: true,
  });
  callback(null, { language: profile.locale || 'en-US' });
}

module.exports = lambda;
