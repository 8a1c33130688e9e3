const { Toolbelt } = require('lp-faas-toolbelt');

function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const options = {
        method: 'GET',
        json: true,
        timeout: 1500 // the IVR gives us very little time
    };

    httpClient('https://api.example.com/ivr/callers/' + input.payload.ani, options)
        .then(function (caller) {
            callback(null, { known: true, name: caller.name });
        })
        .catch(function (err) {
            if (err.error && err.error.code === 'ETIMEDOUT') {
                return callback(null, { known: false, timedOut: true });
            }
            callback(null, { known: false, timedOut: false });
        });
}
