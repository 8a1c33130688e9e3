import { get, cloneDeep as clone } from 'lodash'
import _ from 'lodash-es'
const { pick, omit: without } = require('lodash')
const sortBy = require('lodash').sortBy

export async function lambda(input) {
  return [get(input, 'a'), clone(input), _.uniq([1, 1]), pick(input, 'a'), without(input, 'b'), sortBy([2, 1])]
}
