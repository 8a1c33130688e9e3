import defaults from "./defaults.json" with { type: "json" };
import skills from "./skills.json" with { type: "json" };

function lambda(input, callback) {
  callback(null, { ...defaults, skill: skills[input.payload.skill] });
}
