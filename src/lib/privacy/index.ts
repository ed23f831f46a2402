/** Publication guards: small-count suppression and embargo. No Astro here. */
export * from './suppress';
export * from './embargo';
export * from './publishable';
export * from './indicators';
