const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input) {
  const httpClient = Toolbelt.HTTPClient();
  const lpClient = Toolbelt.LpClient();

  const profile = await httpClient("https://api.example.com/profiles/" + input.payload.id, {
    json: true,
  });
  const skills = await lpClient("accountConfigReadOnly", "/api/account/123/configuration/le-users/skills", {
    json: true,
  });
  return { name: profile.name, skills: skills.length };
}
