const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var httpClient = Toolbelt.HTTPClient();
    var options = {
        method: "POST",
        uri: "https://api.example.com/tickets.json",
        headers: {
            Authorization: "Basic " + input.payload.auth
        },
        body: { ticket: { subject: "Chat" } },
        json: true,
        simple: false,
        resolveWithFullResponse: true
    };
    httpClient(options).then(function (response) {
        callback(null, { status: response.statusCode, id: response.body.id });
    }).catch(function (err) {
        callback(err, null);
    });
}
