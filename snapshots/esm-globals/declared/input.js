const __dirname = "/opt/function";

function lambda(input, callback) {
  callback(null, [__dirname, __filename]);
}
