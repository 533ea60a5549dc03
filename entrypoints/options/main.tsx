import '../../lib/zod-messages';
import { render } from 'preact';
import '../../components/ui.css';
import './options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
