// Routes a conversation to the brand's skill.
function lambda(input, callback) {
  const brand = process.env.BRAND_ID; // the account id
  const uuid = process.env.LAMBDA_UUID;
  const domain = /* csds */ process.env.CSDS_DOMAIN;

  if (process.env.BRAND_ID === "123") {
    process.env.LAMBDA_UUID = "overridden";
  }
  callback(null, { brand, uuid, domain, mine: process.env.MY_SETTING });
}
