import { render } from 'preact';
import '@/components/styles.css';
import { audienceOf } from '@/components/casefile/model';
import { App } from './App';

const params = new URLSearchParams(location.search);
render(
  <App id={params.get('id')} audience={audienceOf(location.search)} />,
  document.getElementById('app') as HTMLElement,
);
