const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
const lpClient = Toolbelt.LpClient();

// Resolves a skill name to its id.
async function lambda(input, callback) {
  const skills = await lpClient(
    LpServices.ACCOUNT_CONFIG_READ_ONLY,
    `/api/account/${process.env.BRAND_ID}/configuration/le-users/skills`,
    { method: "GET", json: true, appKeySecretName: "lp-faas-default-app-key" }
  );
  const skill = skills.find((s) => s.name === input.payload.skillName);
  callback(null, skill ? String(skill.id) : null);
}
