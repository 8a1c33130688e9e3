import * as _ from "lodash";
import { Toolbelt } from "core-functions-toolbelt";
const { value } = { value: 1 };
export const x = _.map([1], (v) => v);
