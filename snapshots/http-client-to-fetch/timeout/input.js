const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const options = {
        method: 'GET',
        json: true,
        timeout: 1500 // the IVR gives us very little time
    };
    const caller = await httpClient('https://api.example.com/ivr/callers/' + input.payload.ani, options);
    const quick = await httpClient('https://api.example.com/ivr/ping', { timeout: 500 });
    callback(null, { name: caller.name, quick });
}
