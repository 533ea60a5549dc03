import '../../lib/core/zod-messages';
import { render } from 'preact';
import '../../lib/ext-pages/ui.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
