import { DateTime } from "luxon";
import jwt from "jsonwebtoken";
import { v4 as uuid } from "uuid";
import slugify from "slugify";

function lambda(input, callback) {
  const token = jwt.sign({ id: uuid() }, "secret");
  callback(null, { token, now: DateTime.now().toISO(), slug: slugify(input.payload.title) });
}
