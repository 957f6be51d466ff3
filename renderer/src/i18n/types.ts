// The shape every UI language must fill: the keys of the Russian strings.
import type { ru } from './ru';

/** The same keys as T, every leaf a string: what kk and en must fill for a Russian tree. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Strings = Shape<typeof ru>;
