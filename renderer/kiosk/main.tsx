import '../shared/base.css';
import '../terminal/terminal.css';
import './kiosk.css';
import { mountTerminal } from '../terminal/mount';
import { KioskApp } from './kiosk-app';

mountTerminal('kiosk', 'kiosk.title', (context) => <KioskApp context={context} />);
