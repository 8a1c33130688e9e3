// Nothing here needs migrating.
function lambda(input, callback) {
  callback(null, { ok: true, echo: input.payload });
}
