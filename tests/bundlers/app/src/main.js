// Vite and webpack: nothing to configure — they emit the wasm and the worker themselves.
import { start } from './app.js';
start();
