"use strict";

const { Toolbelt } = require("lp-faas-toolbelt");
const _ = require("lodash");

// Creates a Salesforce lead from the details a bot collected in the conversation.
async function lambda(input, callback) {
  const contact = _.get(input, "payload.contact", {});
  if (_.isEmpty(contact.email)) {
    return callback(new Error("the conversation did not collect an email address"));
  }

  try {
    const { value } = await Toolbelt.SecretClient().readSecret("salesforce-token");
    const connection = Toolbelt.SFClient().connectToSalesforce({
      instanceUrl: process.env.SALESFORCE_URL,
      accessToken: value,
    });
    const lead = await connection.sobject("Lead").create({
      Email: contact.email,
      LastName: _.capitalize(contact.name || "Unknown"),
      Company: process.env.BRAND_ID,
    });
    callback(null, { leadId: lead.id });
  } catch (err) {
    callback(err, null);
  }
}

module.exports = lambda;
