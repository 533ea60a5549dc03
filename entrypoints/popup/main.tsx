import '../../lib/zod-messages';
import { render } from 'preact';
import '../../components/ui.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
