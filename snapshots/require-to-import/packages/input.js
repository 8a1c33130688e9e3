const { DateTime } = require("luxon");
const jwt = require("jsonwebtoken");
const { v4: uuid } = require("uuid");
const slugify = require("slugify");

function lambda(input, callback) {
  const token = jwt.sign({ id: uuid() }, "secret");
  callback(null, { token, now: DateTime.now().toISO(), slug: slugify(input.payload.title) });
}
