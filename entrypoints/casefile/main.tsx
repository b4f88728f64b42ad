import { render } from 'preact';
import '@/components/styles.css';
import { App } from './App';

render(<App id={new URLSearchParams(location.search).get('id')} />, document.getElementById('app') as HTMLElement);
