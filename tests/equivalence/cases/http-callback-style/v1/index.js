const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// request's callback style: the callback gets (err, response, body) and a status outside 2xx is
// not an error there.
function lambda(input, callback) {
    httpClient.post("https://forms.example.com/leads", { form: { email: input.payload.email, source: "bot" } }, (err, response, body) => {
        if (err) {
            return callback(err);
        }
        const lead = { status: response.statusCode, created: body };
        const options = { uri: "https://forms.example.com/leads/check", qs: { email: input.payload.email }, json: true };
        httpClient(options, function (checkErr, checkResponse, checkBody) {
            if (checkErr) {
                return callback(checkErr);
            }
            callback(null, { lead, checkStatus: checkResponse.statusCode, reason: checkBody.reason, type: checkResponse.headers["content-type"] });
        });
    });
}
