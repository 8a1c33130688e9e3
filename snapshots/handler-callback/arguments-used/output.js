// TODO(faas-migrate): the handler reads `arguments`, which changes when the callback parameter goes; rewrite it as `async function lambda(input)` by hand [handler-callback]
function lambda(input, callback) {
  const args = Array.prototype.slice.call(arguments);
  callback(null, args.length);
}
