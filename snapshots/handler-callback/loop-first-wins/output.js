async function lambda(input) {
  for (const skill of input.payload.skills) {
    if (skill.available) {
      return skill.id;
    }
  }
  throw new Error("no skill available");
}
