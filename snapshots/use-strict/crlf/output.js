// Greets.
function lambda(input, callback) {
  callback(null, "hi");
}
