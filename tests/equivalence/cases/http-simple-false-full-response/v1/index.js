const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    const response = await httpClient('https://api.example.com/v1/subscriptions', {
        method: 'POST',
        body: { email: input.payload.email, list: 'newsletter' },
        json: true,
        simple: false,
        resolveWithFullResponse: true
    });

    if (response.statusCode === 409) {
        return callback(null, { subscribed: true, alreadySubscribed: true, detail: response.body.detail });
    }
    if (response.statusCode >= 400) {
        return callback(new Error('subscription failed: ' + response.statusCode), null);
    }
    callback(null, { subscribed: true, alreadySubscribed: false, detail: null });
}
