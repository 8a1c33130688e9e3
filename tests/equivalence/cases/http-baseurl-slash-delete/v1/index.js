const { Toolbelt } = require("lp-faas-toolbelt");

const CRM = {
  baseUrl: "https://api.example.com/crm/v3/",
  headers: { "X-Client": "faas" },
  json: true,
};

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const contact = await httpClient({ ...CRM, uri: "/contacts/" + input.payload.id });
  await httpClient.del({ ...CRM, uri: "contacts/" + input.payload.id + "/draft" });
  const removed = await httpClient.delete("https://api.example.com/crm/v3/tags/" + input.payload.tag, { json: true });
  callback(null, { name: contact.name, removed: removed === undefined ? "empty" : removed });
}
