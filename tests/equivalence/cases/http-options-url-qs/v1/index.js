var { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var httpClient = Toolbelt.HTTPClient();

    httpClient({
        url: "https://api.example.com/kb/search",
        qs: {
            q: input.payload.question,
            limit: 3,
            lang: "en"
        },
        json: true
    })
        .then(function (res) {
            var titles = res.articles.map(function (a) { return a.title; });
            callback(null, { articles: titles, total: res.total });
        })
        .catch(function (err) {
            callback(err, null);
        });
}
