/** The two screens the officer's app is checked on: a phone and a tablet held landscape. */
export interface ScreenSize {
	name: 'phone' | 'tablet';
	viewport: { width: number; height: number };
}

export const phone: ScreenSize = { name: 'phone', viewport: { width: 412, height: 915 } };
export const tablet: ScreenSize = { name: 'tablet', viewport: { width: 1280, height: 800 } };
export const sizes: ScreenSize[] = [phone, tablet];
