var { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var secretClient = Toolbelt.SecretClient();
    var httpClient = Toolbelt.HTTPClient();

    secretClient.readSecret("weather-api-key").then(function (secret) {
        var url = "https://api.example.com/weather/current?city=" + encodeURIComponent(input.payload.city);
        httpClient(url, { method: "GET", headers: { "X-Api-Key": secret.value } })
            .then(function (body) {
                var data = JSON.parse(body);
                secretClient.readSecret("weather-units").then(function (units) {
                    callback(null, {
                        city: data.city,
                        temperature: units.value === "F" ? data.tempC * 9 / 5 + 32 : data.tempC,
                        units: units.value
                    });
                }).catch(function (err) {
                    callback(err, null);
                });
            })
            .catch(function (err) {
                callback(err, null);
            });
    }).catch(function (err) {
        callback(err, null);
    });
}
