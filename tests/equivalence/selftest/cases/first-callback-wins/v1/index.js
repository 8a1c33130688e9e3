function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const httpClient = Toolbelt.HTTPClient();
  httpClient({
    method: "POST",
    uri: "https://auth.example.com/oauth/token",
    form: { grant_type: "client_credentials", scope: input.scope },
    simple: false,
    resolveWithFullResponse: true,
  })
    .then((response) => {
      callback(null, { status: response.statusCode, token: JSON.parse(response.body).access_token });
      callback(new Error("a second callback is ignored"));
    })
    .catch((err) => callback(err));
}
