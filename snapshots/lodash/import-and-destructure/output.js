import { get, cloneDeep as clone } from 'es-toolkit/compat'
import _ from 'es-toolkit/compat'
const { pick, omit: without } = require('es-toolkit/compat')
const sortBy = require('es-toolkit/compat').sortBy

export async function lambda(input) {
  return [get(input, 'a'), clone(input), _.uniq([1, 1]), pick(input, 'a'), without(input, 'b'), sortBy([2, 1])]
}
