function lambda(input, cb) {
  for (const skill of input.payload.skills) {
    if (skill.available) {
      cb(null, skill.id);
    }
  }
  cb(new Error("no skill available"));
}
