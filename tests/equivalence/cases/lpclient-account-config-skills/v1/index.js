const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

// Resolves a skill name (as configured by the bot team) to its skill id.
async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const skills = await lpClient(
    LpServices.ACCOUNT_CONFIG_READ_ONLY,
    `/api/account/${process.env.BRAND_ID}/configuration/le-users/skills`,
    { method: "GET", json: true, appKeySecretName: "lp-faas-default-app-key" }
  );

  const wanted = input.payload.skillName.toLowerCase();
  const skill = skills.find((s) => s.name.toLowerCase() === wanted);
  if (!skill) {
    return callback(new Error(`Unknown skill ${input.payload.skillName}`), null);
  }
  return callback(null, { skillId: String(skill.id), name: skill.name });
}
