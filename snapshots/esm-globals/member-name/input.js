function lambda(input, callback) {
  callback(null, { __dirname: input.__dirname, label: "__filename" });
}
