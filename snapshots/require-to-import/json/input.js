const defaults = require("./defaults.json");

function lambda(input, callback) {
  const skills = require("./skills");
  callback(null, { ...defaults, skill: skills[input.payload.skill] });
}
