const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  /* the CRM answers JSON */
  const contact = await httpClient("https://api.example.com/crm/contacts", {
    method: "POST", // create
    // a search, really
    json: true,
    body: { email: input.payload.email }, // who
    simple: true, /* the default */
  });
  const other = /* second */ await httpClient("https://api.example.com/crm/other" /* path */, { json: true });
  callback(null, { contact, other });
}
