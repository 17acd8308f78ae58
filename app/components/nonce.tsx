import { createContext, useContext } from 'react';

/** The CSP nonce of this response. Browsers hide nonces from scripts, so on the client it is ''. */
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
