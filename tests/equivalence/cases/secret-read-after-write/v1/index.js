const { Toolbelt } = require("lp-faas-toolbelt");

const secretClient = Toolbelt.SecretClient();
const httpClient = Toolbelt.HTTPClient();

async function refreshToken() {
  const { value } = await secretClient.readSecret("crm-oauth");
  const current = JSON.parse(value);
  const body = await httpClient("https://api.example.com/oauth2/token", {
    method: "POST",
    form: { grant_type: "refresh_token", refresh_token: current.refreshToken },
    json: true,
  });
  await secretClient.updateSecret({
    key: "crm-oauth",
    value: JSON.stringify({ accessToken: body.access_token, refreshToken: body.refresh_token }),
  });
}

async function lambda(input, callback) {
  try {
    let { value } = await secretClient.readSecret("crm-oauth");
    if (!JSON.parse(value).accessToken) {
      await refreshToken();
      // read it again so that everything below uses the stored token
      ({ value } = await secretClient.readSecret("crm-oauth"));
    }
    const token = JSON.parse(value).accessToken;
    const cases = await httpClient("https://api.example.com/crm/cases", {
      headers: { Authorization: "Bearer " + token },
      qs: { contact: input.payload.contactId },
      json: true,
    });
    callback(null, { token: token, openCases: cases.length });
  } catch (err) {
    callback(err, null);
  }
}
