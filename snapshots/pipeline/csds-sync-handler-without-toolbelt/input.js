function lambda(input, callback) {
  function lambda(a, b) {}
  callback(null, "https://va.agentvep.liveperson.net/x");
}
