// Waits follow the state a test needs (findBy…, waitFor), never a timer. Their default limit (1 s) is a
// timer all the same: on a busy machine a correct component can take longer than that to re-render, and the
// test then failed only under load. The limit below only catches a state that never comes.
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 10_000 });
