import { z } from 'zod';
import { userSchema } from '$lib/domain/user';
import { storedValue } from './meta';

/** Who uses this device. */

export const user = storedValue('user', userSchema);
/** Colleagues who may be named as second officer, for choosing offline. */
export const officers = storedValue('officers', z.array(userSchema));
