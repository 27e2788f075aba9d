// lib/dom: the page-side adapters. Every function takes the document or element it works on.
export * from './editable';
export * from './composition';
export * from './focus';
export * from './labels';
export * from './discovery';
export * from './insert';
