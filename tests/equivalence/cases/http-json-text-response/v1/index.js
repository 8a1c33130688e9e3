const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();

    // the pager API accepts JSON but answers with a plain "OK"
    httpClient("https://api.example.com/pager/alerts", {
        method: "POST",
        json: true,
        body: { severity: "high", summary: input.payload.summary }
    }).then(function (answer) {
        callback(null, { answer: answer, type: typeof answer });
    }, function (err) {
        callback(err, null);
    });
}
