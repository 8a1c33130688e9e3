import _ from 'lodash';
const { get, set: assoc } = _;
import getIn from 'lodash/get';

function lambda(input, callback) {
  const { pick } = _;
  const picked = pick(input.payload, ['a', 'b']);
  callback(null, { picked, a: get(input, 'payload.a'), b: _.isEmpty(assoc({}, 'x', 1)), c: getIn(input, 'payload') });
}
