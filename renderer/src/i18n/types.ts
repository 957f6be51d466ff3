// The shape every UI language must fill: the keys of the Russian strings.
import type { ru } from './ru';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Strings = Shape<typeof ru>;
