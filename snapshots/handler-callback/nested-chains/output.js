async function lambda(input) {
    var secretClient = Toolbelt.SecretClient();

    const secret = await secretClient.readSecret("weather-api-key");
    var url = "https://api.example.com/weather?city=" + input.payload.city;
    const body = await get(url, secret.value);
    var data = JSON.parse(body);
    return { city: data.city, temperature: data.tempC };
}
