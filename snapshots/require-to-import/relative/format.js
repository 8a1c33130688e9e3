exports.formatName = (name) => name.trim();
