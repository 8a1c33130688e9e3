function lambda(input, callback) {
    var secretClient = Toolbelt.SecretClient();

    secretClient.readSecret("weather-api-key").then(function (secret) {
        var url = "https://api.example.com/weather?city=" + input.payload.city;
        get(url, secret.value)
            .then(function (body) {
                var data = JSON.parse(body);
                callback(null, { city: data.city, temperature: data.tempC });
            })
            .catch(function (err) {
                callback(err, null);
            });
    }).catch(function (err) {
        callback(err, null);
    });
}
