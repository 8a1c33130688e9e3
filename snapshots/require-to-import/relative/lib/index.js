module.exports = { VERSION: "1.0", double: (x) => x * 2 };
